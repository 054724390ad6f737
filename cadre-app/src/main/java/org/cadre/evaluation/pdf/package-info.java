/** Printable PDFs of an observation and of a summative report. */
package org.cadre.evaluation.pdf;
