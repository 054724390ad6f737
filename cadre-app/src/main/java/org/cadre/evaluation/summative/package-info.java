/** Summative ratings: each dimension's final rating, domain scores, the weighted composite and its level. */
package org.cadre.evaluation.summative;
