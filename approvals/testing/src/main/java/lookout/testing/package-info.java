/**
 * Test support shared by every module's tests: {@link lookout.testing.TestClock}, a clock moved by
 * hand, {@link lookout.testing.Eventually}, waiting on a condition instead of sleeping, and {@link
 * lookout.testing.FakeLoki}, a loopback Loki (no Loki binary is usable here). Only tests depend on
 * it ({@code <scope>test</scope>}); main code never imports it.
 */
package lookout.testing;
