/** Calibration: how closely appraisers agree when they rate the same lesson. */
package org.cadre.evaluation.calibration;
