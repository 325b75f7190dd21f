package io.incidenttimeline.query.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.incidenttimeline.events.FieldLimits;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A service name as the events allow it ({@link FieldLimits#NAME}): not blank, at most
 * that long. Null is valid (no filter).
 */
@Documented
@Constraint(validatedBy = {})
@Size(min = 1, max = FieldLimits.NAME)
@Pattern(regexp = "(?s).*\\S.*")
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ServiceName {

	String message() default "must be 1 to " + FieldLimits.NAME + " characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
