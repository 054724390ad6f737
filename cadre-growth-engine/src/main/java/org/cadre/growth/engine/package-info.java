/**
 * Student growth percentiles, computed from a network's own longitudinal scale scores by the
 * method of the R package SGP; plain Java with no framework dependency. Entry point:
 * {@link org.cadre.growth.engine.GrowthPercentiles}.
 */
package org.cadre.growth.engine;
