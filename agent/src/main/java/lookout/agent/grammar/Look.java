package lookout.agent.grammar;

/** What a question asks about the object it names. */
public enum Look {
  /** Why it is broken, or that it is healthy: the default for anything that is not a command. */
  DIAGNOSE,
  /** Its current state: replicas, pods, warning events ("status of x", "x 状态"). */
  STATUS,
  /** Its recent log lines ("logs of x", "x 的日志"). */
  LOGS,
  /** No cue word at all ("frontend in shop?", "hello"). */
  NONE
}
