/**
 * Feishu (Lark) as a chat platform: encrypted, signed event and card-callback requests in ({@link
 * lookout.adapters.feishu.FeishuRoutes}) or over the SDK's long connection ({@link
 * lookout.adapters.feishu.FeishuLongConnection}), both through the same handlers ({@link
 * lookout.adapters.feishu.FeishuDispatch}); JSON 2.0 interactive cards out through the official
 * open API client ({@link lookout.adapters.feishu.FeishuAdapter}, {@link
 * lookout.adapters.feishu.CardRenderer}). Identities are {@code feishu:<open_id>}, taken only from
 * verified payloads.
 */
package lookout.adapters.feishu;
