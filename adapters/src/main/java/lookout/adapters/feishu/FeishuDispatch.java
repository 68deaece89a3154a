package lookout.adapters.feishu;

import com.google.gson.JsonParser;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackCard;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers both receiving modes share, registered on the SDK's {@link EventDispatcher}: {@code
 * im.message.receive_v1} becomes an {@code Inbound} handed to the bot (which dedupes by event id in
 * its database and queues the work, so this returns in milliseconds; if the bot cannot take it the
 * exception makes Feishu redeliver); {@code card.action.trigger} is decided by the bot and answered
 * within Feishu's 3 s with a toast and, when the decision edited the card, the updated card.
 */
public final class FeishuDispatch {
  /** Feishu waits 3 s for a callback answer; keep a margin for the network. */
  static final Duration CLICK_DEADLINE = Duration.ofMillis(2_500);

  private static final Logger log = LoggerFactory.getLogger(FeishuDispatch.class);

  private final FeishuInbound inbound;
  private final ChatHandler handler;
  private final CardEcho echo;
  private final Executor blocking;
  private final CardRenderer renderer = new CardRenderer();

  /**
   * @param botOpenId the bot's own open_id (to tell its mention from others'), or null
   * @param echo the adapter the bot edits cards through, so a click can answer with the new card
   */
  public FeishuDispatch(String botOpenId, ChatHandler handler, CardEcho echo, Executor blocking) {
    this.inbound = new FeishuInbound(botOpenId);
    this.handler = handler;
    this.echo = echo;
    this.blocking = blocking;
  }

  /** A dispatcher whose own checks are off: requests are verified before they reach it. */
  EventDispatcher dispatcher() {
    return EventDispatcher.newBuilder("", "")
        .onP2MessageReceiveV1(
            new ImService.P2MessageReceiveV1Handler() {
              @Override
              public void handle(P2MessageReceiveV1 event) {
                onMessage(event);
              }
            })
        .onP2CardActionTrigger(
            new P2CardActionTriggerHandler() {
              @Override
              public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                return onClick(event);
              }
            })
        .build();
  }

  void onMessage(P2MessageReceiveV1 event) {
    inbound.message(event).ifPresent(handler::onMessage);
  }

  P2CardActionTriggerResponse onClick(P2CardActionTrigger event) {
    Optional<Click> click = FeishuInbound.click(event);
    if (click.isEmpty()) {
      return toast("info", "This button is not Lookout's.", null);
    }
    CompletableFuture<CardEcho.Echoed<ClickReply>> decided = new CompletableFuture<>();
    blocking.execute(
        () -> {
          try {
            decided.complete(echo.capture(() -> handler.onClick(click.get())));
          } catch (RuntimeException e) {
            decided.completeExceptionally(e);
          }
        });
    try {
      CardEcho.Echoed<ClickReply> done =
          decided.get(CLICK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      ClickReply reply = done.value();
      String notice = reply == null || reply.notice() == null ? "Done." : reply.notice();
      String type = reply != null && reply.accepted() ? "success" : "error";
      return toast(type, notice, done.card().orElse(null));
    } catch (TimeoutException e) {
      log.warn(
          "feishu: click on {} still deciding after {}", click.get().message(), CLICK_DEADLINE);
      return toast("info", "Working on it — the card will update.", null);
    } catch (ExecutionException e) {
      log.error("feishu: the bot failed on a click by {}", click.get().user(), e.getCause());
      return toast("error", "Lookout could not handle that click; see its logs.", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return toast("info", "Lookout is shutting down.", null);
    }
  }

  private P2CardActionTriggerResponse toast(String type, String content, Message card) {
    P2CardActionTriggerResponse response = new P2CardActionTriggerResponse();
    CallBackToast toast = new CallBackToast();
    toast.setType(type);
    toast.setContent(CardText.cut(content, 200));
    response.setToast(toast);
    if (card != null) {
      CallBackCard raw = new CallBackCard();
      raw.setType("raw");
      raw.setData(JsonParser.parseString(renderer.render(card).json()));
      response.setCard(raw);
    }
    return response;
  }
}
