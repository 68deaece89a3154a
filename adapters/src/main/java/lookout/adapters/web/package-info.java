/** What every platform's webhook routes share: plain-text replies, failure handling, hand-off. */
package lookout.adapters.web;
