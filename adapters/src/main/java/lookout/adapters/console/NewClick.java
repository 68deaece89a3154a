package lookout.adapters.console;

/** A validated {@code POST /api/console/clicks} body: who pressed which button on which message. */
record NewClick(String user, String messageId, String token) {
  static final int MAX_TOKEN = 4_096;

  static NewClick from(JsonFields body) {
    String user = JsonFields.name("user", body.required("user"));
    String messageId = JsonFields.length("messageId", body.required("messageId"), 64);
    String token = JsonFields.length("token", body.required("token"), MAX_TOKEN);
    return new NewClick(user, messageId, token);
  }
}
