/**
 * The Vert.x application. {@link lookout.bot.Main} is the entry point; the jobs live in
 * sub-packages: {@code cli} (commands), {@code config} (typed configuration), {@code wiring}
 * (start-up: components built once and closed in reverse), {@code platforms} (each chat platform
 * behind the outbox), {@code http} (the server and its routes), {@code conversation} (the single
 * path from a message or click to an answer or decision), {@code alerts} (Alertmanager alerts as
 * threads), {@code inspect} (scheduled check-ups), {@code db}, {@code ha} (the leader lease) and
 * {@code metrics}.
 */
package lookout.bot;
