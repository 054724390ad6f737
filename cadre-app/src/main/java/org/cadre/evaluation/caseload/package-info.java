/** The views across many teachers: an appraiser's caseload, a campus's distribution, the district's picture. */
package org.cadre.evaluation.caseload;
