package lookout.agent.resolve;

import java.util.List;
import java.util.Map;
import lookout.agent.analyzers.ObjectRef;

/** What a question turned out to be about, once its words met the cluster's inventory. */
public sealed interface Target {
  /**
   * Exactly one existing object.
   *
   * @param partOf the words that matched only a part of its name ("voucher" of voucher-api), or
   *     null when the question named it whole (or a small typo away)
   * @param runs the words that named what it runs or is labelled as ("fluent bit", "2.0.0"), not
   *     its name, or null
   */
  record One(ObjectRef ref, String partOf, String runs) implements Target {
    public One(ObjectRef ref) {
      this(ref, null, null);
    }

    public One(ObjectRef ref, String partOf) {
      this(ref, partOf, null);
    }
  }

  /** A namespace that exists, and nothing in it more precisely. */
  record Scope(String namespace) implements Target {}

  /** Several objects match equally well: ask which one. */
  record Several(List<ObjectRef> refs) implements Target {
    public Several {
      refs = List.copyOf(refs);
    }
  }

  /**
   * The question names something that does not exist.
   *
   * @param wanted the name as written
   * @param namespace the namespace it was looked for in, or null for all
   * @param nearest existing objects with close names, most alike first
   * @param searched what was searched: the kinds, and the namespaces
   * @param unreadable kinds Lookout could not read, with why
   */
  record Missing(
      String wanted,
      String namespace,
      List<ObjectRef> nearest,
      Searched searched,
      Map<String, String> unreadable)
      implements Target {
    public Missing {
      nearest = List.copyOf(nearest);
      unreadable = Map.copyOf(unreadable);
    }
  }

  /** The question names a namespace that does not exist. */
  record NoNamespace(String namespace, List<String> namespaces) implements Target {
    public NoNamespace {
      namespaces = List.copyOf(namespaces);
    }
  }

  /** The question names nothing: "what's broken?", "集群有什么问题吗". */
  record Nothing() implements Target {}

  /** The kinds and namespaces a search covered. */
  record Searched(List<String> kinds, List<String> namespaces) {
    public Searched {
      kinds = List.copyOf(kinds);
      namespaces = List.copyOf(namespaces);
    }
  }
}
