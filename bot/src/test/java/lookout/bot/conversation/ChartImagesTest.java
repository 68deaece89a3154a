package lookout.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import lookout.adapters.chat.Part;
import lookout.agent.capacity.ChartWords;
import lookout.agent.charts.BarChart;
import lookout.agent.charts.Chart;
import lookout.agent.charts.ValueUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Charts in an answer: drawn as images, or — when drawing fails — one note and one log line. */
class ChartImagesTest {
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(ChartImages.class);

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  static BarChart top(Locale language) {
    return new BarChart(
        ChartWords.TOP_MEMORY.in(language, "sandbox/prod"),
        ValueUnit.BYTES,
        List.of(new BarChart.Bar("prod/order-service", 9e8, OptionalDouble.of(1 << 30))),
        ChartWords.LIMIT.in(language),
        language);
  }

  @Test
  void a_chinese_question_gets_its_charts_drawn_with_chinese_titles() throws IOException {
    List<Part> parts = new ChartImages().of(List.of(top(Locale.SIMPLIFIED_CHINESE)));

    assertThat(parts).singleElement().isInstanceOf(Part.Image.class);
    Part.Image image = (Part.Image) parts.getFirst();
    assertThat(image.title()).isEqualTo("sandbox/prod 内存占用最高的工作负载（每个 Pod，当前）");
    assertThat(ImageIO.read(new ByteArrayInputStream(image.png())).getWidth()).isEqualTo(960);
    assertThat(log.list).isEmpty();
  }

  @Test
  void charts_that_cannot_be_drawn_leave_one_note_in_chinese_and_one_log_line() {
    ChartImages broken =
        new ChartImages(
            plot -> {
              throw new IllegalStateException(
                  "the chart font could not be loaded",
                  new java.io.IOException("No space left on device"));
            });

    List<Part> parts =
        broken.of(List.<Chart>of(top(Locale.SIMPLIFIED_CHINESE), top(Locale.SIMPLIFIED_CHINESE)));

    assertThat(parts).containsExactly(new Part.Note(ChartImages.NOT_DRAWN_ZH));
    assertThat(log.list).hasSize(1);
    ILoggingEvent line = log.list.getFirst();
    assertThat(line.getLevel()).isEqualTo(Level.WARN);
    assertThat(line.getFormattedMessage())
        .isEqualTo(
            "2 of 2 charts not drawn: java.lang.IllegalStateException: the chart font could not be"
                + " loaded (cause: java.io.IOException: No space left on device)");
    assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
  }

  @Test
  void an_english_question_gets_the_note_in_english() {
    List<Part> parts =
        new ChartImages(
                plot -> {
                  throw new java.awt.AWTError("no AWT");
                })
            .of(List.of(top(Locale.ENGLISH)));

    assertThat(parts).containsExactly(new Part.Note(ChartImages.NOT_DRAWN));
    assertThat(log.list)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEqualTo("1 of 1 charts not drawn: java.awt.AWTError: no AWT");
  }
}
