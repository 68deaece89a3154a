package lookout.approvals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the values carried by chat buttons, so a click can only do what the server put
 * on the button. Decision tokens are {@code <requestId>.<a|r>.<expiryEpochSec>.<mac>}; proposal
 * tokens are {@code p.<base64url action JSON>.<expiryEpochSec>.<mac>}; question tokens (a follow-up
 * question a button asks) are {@code q.<base64url question>.<expiryEpochSec>.<mac>}; the MAC is
 * base64url HMAC-SHA256 over a purpose prefix plus the rest, so one kind can never be replayed as
 * another. Single use is not a property of the token: the request's state machine enforces it.
 */
public final class ButtonTokens {
  /** Chat platforms cap button values (Slack: 2,000 chars); proposals must fit. */
  static final int MAX_TOKEN_LENGTH = 2000;

  private static final String HMAC = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String DECISION_PURPOSE = "lookout-decision-v1.";
  private static final String PROPOSAL_PURPOSE = "lookout-proposal-v1.";
  private static final String PROPOSAL_MARK = "p";
  private static final String QUESTION_PURPOSE = "lookout-question-v1.";
  private static final String QUESTION_MARK = "q";

  private final SecretKeySpec key;

  /**
   * @param key the server secret, at least 32 bytes; keep it stable across restarts and replicas or
   *     every button already posted stops working
   */
  public ButtonTokens(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "button token key must be at least "
              + MIN_KEY_BYTES
              + " bytes, got "
              + (key == null ? "none" : key.length));
    }
    this.key = new SecretKeySpec(key.clone(), HMAC);
  }

  /** 32 random bytes from a strong source, suitable for the constructor. */
  public static byte[] generateKey() {
    byte[] key = new byte[MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** What a decision button may do. */
  enum Choice {
    APPROVE("a"),
    REJECT("r");

    final String code;

    Choice(String code) {
      this.code = code;
    }
  }

  /** A verified decision token (signature checked; expiry is for the caller to judge). */
  record DecisionToken(String requestId, Choice choice, Instant expiresAt) {}

  /** A verified proposal token. */
  record ProposalToken(String actionJson, Instant expiresAt) {}

  /** A verified question token. */
  record QuestionToken(String question, Instant expiresAt) {}

  String decision(String requestId, Choice choice, Instant expiresAt) {
    if (!REQUEST_ID.matcher(requestId).matches()) {
      throw new IllegalArgumentException("request id \"" + requestId + "\" is not URL-safe");
    }
    String body = requestId + "." + choice.code + "." + expiresAt.getEpochSecond();
    return body + "." + mac(DECISION_PURPOSE + body);
  }

  Optional<DecisionToken> readDecision(String token) {
    String[] parts = split(token);
    if (parts == null
        || !REQUEST_ID.matcher(parts[0]).matches()
        || !(parts[1].equals("a") || parts[1].equals("r"))
        || !verify(DECISION_PURPOSE, parts)) {
      return Optional.empty();
    }
    Choice choice = parts[1].equals("a") ? Choice.APPROVE : Choice.REJECT;
    return Optional.of(
        new DecisionToken(parts[0], choice, Instant.ofEpochSecond(Long.parseLong(parts[2]))));
  }

  /**
   * @throws IllegalArgumentException when the token would be longer than a button value may be
   */
  String proposal(String actionJson, Instant expiresAt) {
    return signed(PROPOSAL_MARK, PROPOSAL_PURPOSE, actionJson, expiresAt, "proposal");
  }

  Optional<ProposalToken> readProposal(String token) {
    return payload(token, PROPOSAL_MARK, PROPOSAL_PURPOSE)
        .map(p -> new ProposalToken(p.text(), p.expiresAt()));
  }

  /**
   * @throws IllegalArgumentException when the token would be longer than a button value may be
   */
  String question(String question, Instant expiresAt) {
    return signed(QUESTION_MARK, QUESTION_PURPOSE, question, expiresAt, "question");
  }

  Optional<QuestionToken> readQuestion(String token) {
    return payload(token, QUESTION_MARK, QUESTION_PURPOSE)
        .map(p -> new QuestionToken(p.text(), p.expiresAt()));
  }

  private record Payload(String text, Instant expiresAt) {}

  private String signed(String mark, String purpose, String text, Instant expiresAt, String what) {
    String payload = encode(text.getBytes(StandardCharsets.UTF_8));
    String body = mark + "." + payload + "." + expiresAt.getEpochSecond();
    String token = body + "." + mac(purpose + body);
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          what
              + " token would be "
              + token.length()
              + " chars, over the "
              + MAX_TOKEN_LENGTH
              + " a button value may hold");
    }
    return token;
  }

  /** The signed text of a {@code <mark>.<base64url>.<expiry>.<mac>} token, or empty. */
  private Optional<Payload> payload(String token, String mark, String purpose) {
    String[] parts = split(token);
    if (parts == null
        || !parts[0].equals(mark)
        || !BASE64URL.matcher(parts[1]).matches()
        || !verify(purpose, parts)) {
      return Optional.empty();
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return Optional.of(new Payload(text, Instant.ofEpochSecond(Long.parseLong(parts[2]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Four dot-separated parts with a numeric expiry, or null for anything else. */
  private static String[] split(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4 || !EPOCH_SECONDS.matcher(parts[2]).matches()) {
      return null;
    }
    return parts;
  }

  private boolean verify(String purpose, String[] parts) {
    String body = parts[0] + "." + parts[1] + "." + parts[2];
    byte[] expected = mac(purpose + body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = parts[3].getBytes(StandardCharsets.US_ASCII);
    // Constant-time: the comparison must not reveal how many leading characters were right.
    return MessageDigest.isEqual(expected, given);
  }

  private String mac(String input) {
    try {
      Mac mac = Mac.getInstance(HMAC); // not thread-safe, so one per call
      mac.init(key);
      return encode(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable in this JVM", e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
