/**
 * WeCom (企业微信): the callback crypto ({@link lookout.adapters.wecom.WecomCrypto}), the self-built
 * app's XML callback and the AI bot's JSON callback ({@link lookout.adapters.wecom.WecomRoutes}),
 * and the outbound side ({@link lookout.adapters.wecom.WecomAdapter}): app messages and template
 * cards, AI-bot replies through {@code response_url}, and group-robot webhooks. See {@code
 * docs/wecom.md}.
 */
package lookout.adapters.wecom;
