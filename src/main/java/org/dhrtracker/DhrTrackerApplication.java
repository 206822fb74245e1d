package org.dhrtracker;

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
        SpringApplication app = new SpringApplication(DhrTrackerApplication.class);
        try (ConfigurableApplicationContext context = app.run("--dhr.home=" + inv.home().toAbsolutePath())) {
            return context.getBean(Commands.class).run(inv);
        } catch (Exception e) {
            System.err.println("dhr-tracker: " + e.getMessage());
            return Commands.FAILED;
        }
    }
}
