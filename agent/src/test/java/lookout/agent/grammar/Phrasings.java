package lookout.agent.grammar;

import java.util.List;

/**
 * Requests as people type them in chat, English, Chinese and mixed, each marked as a command
 * (restart, scale) or a question — questions that mention restarts and replicas above all. Names
 * are those of the test cluster {@code lookout/agent/resolve/shop-world.yaml}. Shared by the
 * grammar's table test and the end-to-end check that no question reaches the cluster as a write.
 */
public final class Phrasings {
  private Phrasings() {}

  public enum Expect {
    RESTART,
    SCALE,
    QUESTION
  }

  /**
   * @param resolvable for a command: it names exactly one workload that exists, so it must come
   *     back as a request for approval
   */
  public record Phrasing(String text, Expect expect, boolean resolvable) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static Phrasing restart(String text) {
    return new Phrasing(text, Expect.RESTART, true);
  }

  private static Phrasing scale(String text) {
    return new Phrasing(text, Expect.SCALE, true);
  }

  private static Phrasing unresolved(Expect expect, String text) {
    return new Phrasing(text, expect, false);
  }

  private static Phrasing question(String text) {
    return new Phrasing(text, Expect.QUESTION, false);
  }

  public static List<Phrasing> all() {
    return List.of(
        // restart, English
        restart("restart checkout in staging"),
        restart("please restart checkout in staging"),
        restart("can you restart checkout in staging?"),
        restart("could you restart the frontend deployment in shop"),
        restart("restart deploy/frontend -n shop"),
        restart("kubectl rollout restart deployment/frontend -n shop"),
        restart("rollout restart frontend in shop"),
        restart("go ahead and restart user-profile in shop"),
        restart("restart shop/user-profile"),
        restart("bounce payment-api in shop"),
        restart("Restart payment-api in shop, thanks"),
        restart("frontend in shop is stuck, restart it"),
        restart("restart frontend -n shop please"),
        restart("@lookout restart user-profile in shop"),
        // restart, Chinese and mixed
        restart("重启 staging 的 checkout"),
        restart("重启一下 staging 的 checkout"),
        restart("帮我重启一下 shop 的 frontend"),
        restart("请重启 shop 下的 user-profile"),
        restart("把 shop 的 payment-api 重启一下"),
        restart("麻烦把 frontend 重启下"),
        restart("给 user-profile 重启一下"),
        restart("shop 的 frontend 重启一下"),
        restart("能帮我重启一下 shop 的 frontend 吗"),
        restart("帮我 restart 一下 shop 的 frontend"),
        restart("please 重启 shop 的 user-profile"),
        restart("重启 deploy/frontend -n shop"),
        restart("滚动重启 shop 的 payment-api"),
        restart("frontend 一直起不来，帮我重启一下"),
        // scale, English
        scale("scale checkout to 3 in staging"),
        scale("scale frontend to 4 in shop"),
        scale("please scale deploy/frontend --replicas=3 -n shop"),
        scale("kubectl scale deployment/payment-api --replicas=4 -n shop"),
        scale("can you scale payment-api to 5 replicas in shop"),
        scale("scale up frontend to 6 in shop"),
        scale("scale down payment-api to 1 in shop"),
        scale("set frontend replicas to 3 in shop"),
        // scale, Chinese and mixed
        unresolved(Expect.SCALE, "把 checkout 扩到 3 个"),
        scale("把 shop 的 frontend 扩容到 5 个"),
        scale("将 shop 下的 payment-api 缩容到 1"),
        scale("frontend 扩到 3 个副本"),
        scale("帮我把 shop 的 frontend 扩到三个"),
        scale("shop 的 payment-api 缩容到 1"),
        scale("把 shop 的 frontend 副本数改成 4"),
        scale("scale 一下 shop 的 frontend 到 3 个"),
        scale("请把 payment-api 扩容到 4 个 in shop"),
        // commands we cannot act on safely: still commands, never guessed
        unresolved(Expect.RESTART, "restart it"),
        unresolved(Expect.RESTART, "restart frontend and payment-api in shop"),
        unresolved(Expect.SCALE, "scale frontend up by 2 in shop"),
        unresolved(Expect.SCALE, "给 frontend 加 2 个副本"),
        // questions about restarts, Chinese
        question("user-profile 之前重启过，现在正常吗？"),
        question("user-profile 重启过吗"),
        question("user-profile 重启了吗？"),
        question("frontend 为什么一直重启"),
        question("frontend 为什么重启"),
        question("shop 的 frontend 重启了几次"),
        question("frontend 重启次数多少"),
        question("frontend 老是重启怎么回事"),
        question("frontend 在重启吗"),
        question("frontend 正在重启"),
        question("要不要重启 frontend？"),
        question("需要重启 frontend 吗"),
        question("frontend 重启后还是报错"),
        question("frontend 重启完了吗"),
        question("有没有人重启过 frontend"),
        question("昨天谁重启了 frontend"),
        question("frontend 是不是重启了"),
        question("能重启 frontend 吗？"),
        question("frontend 频繁重启"),
        question("frontend 反复重启是什么原因"),
        question("重启之后 frontend 还是起不来"),
        question("重启过 user-profile 吗"),
        question("之前重启过 user-profile，现在正常吗"),
        question("为什么要重启 frontend"),
        question("user-profile 重启原因"),
        question("user-profile 的重启记录"),
        question("重启能解决 frontend 的问题吗"),
        question("user-profile 昨晚重启了 3 次，现在好了吗"),
        question("frontend 扩到 4 个后有一个起不来"),
        question("重启 frontend 以后还是报错"),
        question("frontend 重启还是扩容比较好？"),
        question("frontend 扩容到几个合适"),
        question("重启 frontend 会丢数据吗"),
        question("如何重启 frontend"),
        // questions about restarts, English
        question("has user-profile restarted?"),
        question("did user-profile restart recently?"),
        question("why does frontend keep restarting?"),
        question("why did frontend restart?"),
        question("how many times has frontend restarted?"),
        question("restart count of frontend in shop"),
        question("what's the restart count for user-profile?"),
        question("is frontend restarting?"),
        question("frontend keeps restarting, what's wrong?"),
        question("frontend restarted twice last night, is it ok now?"),
        question("should I restart frontend in shop?"),
        question("do we need to restart frontend?"),
        question("is it safe to restart payment-api?"),
        question("what happens if I restart payment-api?"),
        question("who restarted frontend?"),
        question("when was frontend last restarted?"),
        question("restarts of frontend in the last hour"),
        question("frontend restarts a lot, why"),
        question("the restart didn't help frontend, why?"),
        question("after the restart frontend is still failing"),
        question("frontend crashed after restart"),
        question("Restarting frontend helped?"),
        question("restart policy of db-backup"),
        question("user-profile restarted before — is it healthy now?"),
        question("restart didn't help frontend, what now?"),
        question("how do I restart frontend"),
        question("would a restart fix frontend?"),
        question("can we scale payment-api to 5 without downtime?"),
        // questions about replicas and scaling
        question("why was frontend scaled down?"),
        question("who scaled payment-api to 1?"),
        question("did the hpa scale frontend up?"),
        question("how many replicas does frontend have?"),
        question("is frontend scaled correctly?"),
        question("frontend 扩容了吗"),
        question("frontend 为什么被缩容了"),
        question("谁把 payment-api 缩容了"),
        question("frontend 扩容后还是慢"),
        question("frontend 副本数是多少"),
        // a scale or restart reported with its trouble in the same clause: a description
        question("shop 命名空间 frontend 扩容到4个 起不来一个"),
        question("frontend 扩到 5 个 有一个一直 Pending"),
        question("orders 扩容到 8 个就不再扩了"),
        question("api-gateway 扩到10个也扛不住"),
        question("frontend 扩到三个了 还是慢"),
        question("frontend 队列堆积了 加了副本也没用 帮忙看看"),
        question("帮忙看下 frontend 加过副本还是不行"),
        scale("frontend 扩到 3 个吧"),
        question("scaled frontend to 4 in shop but one doesn't start"),
        question("restart payment-api in shop fails with an error"),
        question("重启 payment-api 失败了"),
        // other questions, every language
        question("frontend in shop is not starting, what's wrong?"),
        question("why were log-shipper pods evicted in shop?"),
        question("did the db-backup job in shop work?"),
        question("shop 下的 reviews 访问不了"),
        question("what's broken?"),
        question("集群有什么问题吗"),
        question("anything wrong in prod?"),
        question("why is payment api failing"),
        question("paymnet-api in shop is down"),
        question("status of frontend in shop"),
        question("logs of frontend in shop"),
        question("frontend 的日志"),
        question("shop 的 mysql 怎么样"),
        question("is node worker-3 ok?"),
        question("worker-3 节点怎么了"),
        question("data-mysql-0 为什么 pending"),
        question("why is the shop-web ingress returning 404"),
        question("is the frontend hpa at max?"),
        question("看看 shop 的 frontend"),
        question("frontend 挂了"),
        question("what happened to user-profile yesterday?"),
        question("why is the db-backup cronjob failing"),
        question("定时任务 db-backup 跑成功了吗"),
        question("kubectl get pods -n shop"),
        question("frontend pods in shop"),
        question("checkout 在 staging 的情况"));
  }
}
