/** The growth pages, CSV exports and REST API. */
package org.cadre.growth.web;
