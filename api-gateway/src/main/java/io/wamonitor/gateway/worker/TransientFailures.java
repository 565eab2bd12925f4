package io.wamonitor.gateway.worker;

import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a dependency that is away (MongoDB down, slow or out of pooled connections) from a message that can never
 * be handled. The first is waited for; only the second may be dead-lettered.
 */
final class TransientFailures {

    /** Driver-level failures that mean "the database did not answer", when Spring did not translate them. */
    private static final Set<String> MONGO_TRANSIENT = Set.of(
            "com.mongodb.MongoSocketException", "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoConnectionPoolClearedException", "com.mongodb.MongoExecutionTimeoutException",
            "com.mongodb.MongoNotPrimaryException", "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoInterruptedException", "com.mongodb.MongoOperationTimeoutException");

    private TransientFailures() {}

    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException) {
                return true;
            }
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (MONGO_TRANSIENT.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
