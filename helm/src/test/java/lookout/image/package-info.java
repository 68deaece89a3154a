/**
 * Tests of the container image tar Jib writes ({@code -Pimage}): its config (non-root user,
 * entrypoint, ports) and layers, and — where this runs as root — a start of its root filesystem
 * with {@code unshare} and {@code chroot}, read-only, as a container runtime would.
 */
package lookout.image;
