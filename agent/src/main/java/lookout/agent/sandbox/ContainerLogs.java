package lookout.agent.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * Where the pod log endpoint finds container log text: the sandbox's seed resources, or a test
 * scenario's own logs.
 */
interface ContainerLogs {
  /** The running (or last) instance's log, if there is one. */
  Optional<String> current(Pod pod, String container);

  /** The previous, terminated instance's log ({@code previous=true}), if there is one. */
  Optional<String> previous(Pod pod, String container);
}
