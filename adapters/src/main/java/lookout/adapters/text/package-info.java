/** Plain-text rendering of neutral messages, for the terminal ({@code lookout ask}) and logs. */
package lookout.adapters.text;
