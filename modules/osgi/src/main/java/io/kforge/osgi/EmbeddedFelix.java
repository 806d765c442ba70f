package io.kforge.osgi;

import io.kforge.core.Workspace;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A running Apache Felix framework with a storage folder of its own, stopped and removed by {@link #close()}, or
 * when the JVM ends if nobody closed it.
 */
final class EmbeddedFelix implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedFelix.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Framework framework;
    private final Path storage;
    private final Thread shutdownHook;

    private EmbeddedFelix(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
        this.shutdownHook = new Thread(this::stop, "kforge-osgi-shutdown");
    }

    /**
     * Starts a framework whose system bundle exports the given packages besides the Java runtime's.
     *
     * @param storageParent where the framework's storage folder is created
     * @param exportedPackages an {@code Export-Package} value for {@code org.osgi.framework.system.packages.extra}
     * @return the running framework
     * @throws KforgeException when the framework cannot be found or started
     */
    static EmbeddedFelix start(Path storageParent, String exportedPackages) {
        var factories = ServiceLoader.load(FrameworkFactory.class, EmbeddedFelix.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (factories.size() != 1) {
            throw new KforgeException("expected one OSGi framework (Apache Felix) in the image, found "
                    + factories.size() + ": " + factories);
        }
        Path storage;
        try {
            storage = Files.createTempDirectory(Files.createDirectories(storageParent), "kforge-osgi-");
        } catch (IOException e) {
            throw new KforgeException("cannot create the OSGi framework's storage folder in " + storageParent
                    + ": " + e.getMessage(), e);
        }
        var framework = factories.getFirst().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, exportedPackages,
                "felix.log.level", "0",
                "felix.service.urlhandlers", "false"));
        var started = System.nanoTime();
        try {
            startOnDaemonThread(framework);
        } catch (BundleException | RuntimeException e) {
            Workspace.deleteTree(storage);
            throw new KforgeException("cannot start the OSGi framework: " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.DEBUG, "OSGi framework started in {0} ms, storage {1}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), storage);
        var felix = new EmbeddedFelix(framework, storage);
        Runtime.getRuntime().addShutdownHook(felix.shutdownHook);
        return felix;
    }

    /**
     * Starts the framework from a daemon thread, so that the threads Felix creates meanwhile (its event dispatcher)
     * are daemons too: a program that forgets to close kforge still ends, and the shutdown hook stops the framework.
     */
    private static void startOnDaemonThread(Framework framework) throws BundleException {
        var failure = new AtomicReference<Exception>();
        var starter = Thread.ofPlatform().daemon().name("kforge-osgi-start").start(() -> {
            try {
                framework.start();
            } catch (BundleException | RuntimeException e) {
                failure.set(e);
            }
        });
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException("interrupted while starting the OSGi framework", e);
        }
        switch (failure.get()) {
            case null -> { }
            case BundleException e -> throw e;
            case RuntimeException e -> throw e;
            default -> throw new IllegalStateException(failure.get());
        }
    }

    /**
     * Returns the system bundle's context, to install bundles and read services.
     *
     * @return the context
     */
    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Stops the framework, waiting for it at most ten seconds, and deletes its storage folder. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "the JVM is ending; its shutdown hook stops the OSGi framework");
            return;
        }
        stop();
    }

    private void stop() {
        try {
            framework.stop();
            var event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.log(System.Logger.Level.WARNING, "the OSGi framework did not stop within {0} s",
                        STOP_TIMEOUT.toSeconds());
            }
        } catch (BundleException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot stop the OSGi framework: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Workspace.deleteTree(storage);
        }
        LOG.log(System.Logger.Level.DEBUG, "OSGi framework stopped");
    }
}
