/** B-spline bases that reproduce R's {@code splines::bs}. */
package org.cadre.growth.engine.spline;
