package lookout.adapters.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.ConversationRef;

/**
 * Uploads a text file into a thread with the SDK's v2 upload ({@code files.getUploadURLExternal},
 * the bytes to the URL Slack gives, then {@code files.completeUploadExternal} sharing it in the
 * thread): the old {@code files.upload} is retired.
 */
final class SlackFiles {
  private final MethodsClient methods;

  SlackFiles(MethodsClient methods) {
    this.methods = methods;
  }

  void upload(ConversationRef thread, SlackPostPlan.SlackFile file) {
    try {
      send(thread, file);
    } catch (SlackFilesUploadV2Exception e) {
      // The SDK's own failure of the middle step (the bytes to the upload URL).
      throw new ChatRetryLater(
          "while attaching "
              + file.filename()
              + " in Slack thread "
              + thread.thread()
              + ": "
              + e.getMessage(),
          null,
          e);
    }
  }

  private void send(ConversationRef thread, SlackPostPlan.SlackFile file) {
    SlackCalls.call(
        "while attaching " + file.filename() + " in Slack thread " + thread.thread(),
        () ->
            methods.filesUploadV2(
                FilesUploadV2Request.builder()
                    .channel(thread.channel())
                    .threadTs(thread.thread())
                    .filename(file.filename())
                    .title(file.title())
                    .fileData(file.data())
                    .build()));
  }
}
