/** The export of a school year's evaluations in the shape of Ed-Fi's performance-evaluation model. */
package org.cadre.evaluation.export;
