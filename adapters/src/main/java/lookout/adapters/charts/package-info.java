/**
 * PNG charts drawn in-process with Java2D (headless): usage against a limit over time, a volume
 * filling up with its forecast, top consumers as bars. The data behind each chart is a record, so
 * tests check both the numbers and the picture.
 */
package lookout.adapters.charts;
