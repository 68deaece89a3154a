package lookout.adapters.feishu;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateImageReq;
import com.lark.oapi.service.im.v1.model.CreateImageReqBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/**
 * Uploads a message's pictures ({@code im/v1/images}, type {@code message}) so cards can show them
 * by {@code image_key}. Keys are remembered by content hash (bounded), so editing a card does not
 * upload its chart again.
 */
final class FeishuImages {
  static final int REMEMBERED = 256;

  private final Client client;
  private final FeishuCalls calls;
  private final Map<String, String> keys =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  FeishuImages(Client client, FeishuCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** The image key of each picture in {@code message}, by content hash, uploading new ones. */
  Map<String, String> keys(Message message, String doing) {
    Map<String, String> out = new HashMap<>();
    for (Part part : message.parts()) {
      if (part instanceof Part.Image image) {
        String hash = hash(image.png());
        out.put(hash, keyOf(hash, image, doing));
      }
    }
    return out;
  }

  static String hash(byte[] png) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String keyOf(String hash, Part.Image image, String doing) {
    synchronized (keys) {
      String known = keys.get(hash);
      if (known != null) {
        return known;
      }
    }
    Path file = null;
    try {
      // The SDK uploads from a file only.
      file = Files.createTempFile("lookout-chart-", ".png");
      Files.write(file, image.png());
      java.io.File upload = file.toFile();
      var response =
          calls.call(
              doing + " (uploading the chart \"" + image.title() + "\")",
              () ->
                  client
                      .im()
                      .image()
                      .create(
                          CreateImageReq.newBuilder()
                              .createImageReqBody(
                                  CreateImageReqBody.newBuilder()
                                      .imageType("message")
                                      .image(upload)
                                      .build())
                              .build()));
      String key = response.getData() == null ? null : response.getData().getImageKey();
      if (key == null || key.isBlank()) {
        throw new ChatException(doing + ": Feishu gave no image_key for the chart", null);
      }
      synchronized (keys) {
        keys.put(hash, key);
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("while writing a chart for upload", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a leftover temp file is harmless
        }
      }
    }
  }
}
