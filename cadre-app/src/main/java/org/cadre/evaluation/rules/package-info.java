/**
 * The evaluation rules as plain, Spring-free policy objects: working-day due dates, each dimension's final
 * rating, the weighted composite and its cut points, and agreement between appraisers.
 */
package org.cadre.evaluation.rules;
