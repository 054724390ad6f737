/** Who appraises whom: the assignment of appraisers to teachers and the access policy built on it. */
package org.cadre.evaluation.appraisal;
