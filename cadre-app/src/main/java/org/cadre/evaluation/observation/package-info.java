/** Observations of lessons: scheduling, evidence notes, ratings, sharing, acknowledgement and amendment. */
package org.cadre.evaluation.observation;
