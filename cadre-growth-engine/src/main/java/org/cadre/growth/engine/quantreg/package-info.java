/** Linear quantile regression (Frisch–Newton interior point with preprocessing) at many levels. */
package org.cadre.growth.engine.quantreg;
