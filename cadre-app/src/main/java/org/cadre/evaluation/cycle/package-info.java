/** The start of the yearly cycle: the teacher's goal-setting and professional-development plan. */
package org.cadre.evaluation.cycle;
