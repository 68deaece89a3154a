package lookout.bot.inspect;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The {@code inspections:} list: scheduled check-ups, each posting to one destination.
 *
 * @param name unique, used to run each scheduled check-up once across replicas
 * @param cluster a configured cluster, or empty for the default one
 * @param namespace one namespace, or empty for all
 * @param platform and {@code channel}: where the report goes ({@code post: slack:C0123})
 * @param language {@code en} or {@code zh}: the language of the model-written summary
 */
public record InspectionSettings(
    String name,
    Optional<String> cluster,
    Optional<String> namespace,
    CronSchedule schedule,
    ZoneId zone,
    String platform,
    String channel,
    String language) {}
