/** A deterministic year of observations for benchmarks; never used by the running application. */
package org.cadre.evaluation.bench;
