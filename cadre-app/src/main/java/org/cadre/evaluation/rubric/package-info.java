/** Rubrics as versioned data: domains, dimensions and performance levels, read and checked from YAML or JSON. */
package org.cadre.evaluation.rubric;
