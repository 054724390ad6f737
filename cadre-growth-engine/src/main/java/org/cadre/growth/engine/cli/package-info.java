/** The engine's command line: growth percentiles from CSV files and synthetic data for benchmarks. */
package org.cadre.growth.engine.cli;
