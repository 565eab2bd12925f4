package io.wamonitor.gateway;

import io.wamonitor.gateway.account.AccountService;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Prints the three lines operators of the original Node.js service look for once the gateway is up. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final MongoTemplate mongo;
    private final AccountService accounts;

    StartupReport(MongoTemplate mongo, AccountService accounts) {
        this.mongo = mongo;
        this.accounts = accounts;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        mongo.getDb().runCommand(new Document("ping", 1));
        log.info("Database connected");
        log.info("Found {} existing accounts", accounts.count());
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            log.info(
                    "WhatsApp Monitoring API running on port {}",
                    web.getWebServer().getPort());
        }
    }
}
