package io.incidenttimeline.query.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A parameter record's {@code from} (inclusive) and {@code to} (exclusive): when both are
 * given, {@code to} must come after {@code from}; the error names {@code to}.
 */
@Documented
@Constraint(validatedBy = TimeRange.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeRange {

	String message() default ParameterMessages.AFTER_FROM;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * What a record annotated with {@link TimeRange} offers.
	 */
	interface Bounded {

		Instant from();

		Instant to();

	}

	class Check implements ConstraintValidator<TimeRange, Bounded> {

		@Override
		public boolean isValid(Bounded range, ConstraintValidatorContext context) {
			if (range.from() == null || range.to() == null || range.from().isBefore(range.to())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("to")
				.addConstraintViolation();
			return false;
		}

	}

}
