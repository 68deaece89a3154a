/** Chart specifications (data only) that answers carry; drawing them is the bot's job. */
package lookout.agent.charts;
