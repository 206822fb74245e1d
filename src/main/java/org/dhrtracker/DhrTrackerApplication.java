package org.dhrtracker;

import org.dhrtracker.bench.Benchmark;
import org.dhrtracker.schedule.RunRecovery;
import org.dhrtracker.schedule.ServeLock;
import org.dhrtracker.schedule.ServeService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * dhr-tracker: keeps the action plans of Domestic Homicide Reviews, ingests agency progress
 * returns, reconciles them and reports to the partnership board. See {@link Invocation#USAGE}.
 */
@SpringBootApplication
public class DhrTrackerApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Invocation inv;
        try {
            inv = Invocation.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dhr-tracker: " + e.getMessage());
            System.err.println();
            System.err.print(Invocation.USAGE);
            return Commands.USAGE;
        }
        if (inv.command().equals("help")) {
            System.out.print(Invocation.USAGE);
            return Commands.OK;
        }
        if (inv.command().equals("serve")) {
            return serve(inv);
        }
        if (inv.command().equals("benchmark")) {
            try {
                return new Benchmark(inv.scale(), inv.months(), inv.home(), System.out).run();
            } catch (Exception e) {
                System.err.println("dhr-tracker: benchmark failed: " + e);
                return Commands.FAILED;
            }
        }
        SpringApplication app = new SpringApplication(DhrTrackerApplication.class);
        try (ConfigurableApplicationContext context = app.run("--dhr.home=" + inv.home().toAbsolutePath())) {
            return context.getBean(Commands.class).run(inv);
        } catch (Exception e) {
            System.err.println("dhr-tracker: " + e.getMessage());
            return Commands.FAILED;
        }
    }

    /**
     * Runs until the context closes: SIGTERM runs Spring Boot's shutdown hook, which stops the
     * service and then shuts the database down. The lock is taken before the database is opened,
     * so a second serve on the same HOME is told why it cannot start.
     */
    private static int serve(Invocation inv) {
        try (ServeLock lock = ServeLock.acquire(inv.home())) {
            SpringApplication app = new SpringApplication(DhrTrackerApplication.class);
            try (ConfigurableApplicationContext context = app.run("--dhr.home=" + inv.home().toAbsolutePath())) {
                // The lock is ours: a run still marked running was left by a process that ended.
                context.getBean(RunRecovery.class).resumeInterrupted(System.out);
                ServeService service = context.getBean(ServeService.class);
                service.start();
                service.awaitStop();
                return Commands.OK;
            }
        } catch (ServeLock.HeldException e) {
            System.err.println("dhr-tracker: " + e.getMessage());
            return Commands.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Commands.FAILED;
        } catch (Exception e) {
            System.err.println("dhr-tracker: " + e.getMessage());
            return Commands.FAILED;
        }
    }
}
