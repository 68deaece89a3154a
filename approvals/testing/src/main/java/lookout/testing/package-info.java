/**
 * Test support shared by every module's tests: {@link lookout.testing.TestClock}, a clock moved by
 * hand, and {@link lookout.testing.Eventually}, waiting on a condition instead of sleeping. Only
 * tests depend on it ({@code <scope>test</scope>}); main code never imports it.
 */
package lookout.testing;
