package io.wamonitor.gateway.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;

/**
 * Event kinds an account may subscribe to: {@code message} (default), {@code status}, {@code qr}, {@code ack},
 * {@code reaction}, {@code message_edited}, {@code message_revoked}, {@code incident}.
 */
@Constraint(validatedBy = WebhookEvents.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface WebhookEvents {

    Set<String> KINDS =
            Set.of("message", "status", "qr", "ack", "reaction", "message_edited", "message_revoked", "incident");

    String message() default
            "must be a non-empty list of message, status, qr, ack, reaction, message_edited, message_revoked, "
                    + "incident";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebhookEvents, List<String>> {
        @Override
        public boolean isValid(List<String> value, ConstraintValidatorContext context) {
            return value == null
                    || (!value.isEmpty()
                            && value.size() <= KINDS.size()
                            && value.stream().allMatch(v -> v != null && KINDS.contains(v)));
        }
    }
}
