/** The evaluation pages and REST API. */
package org.cadre.evaluation.web;
