package io.incidenttimeline.command.web;

/**
 * One bad field of a request, in the client's terms: a JSON path into the body
 * ({@code services[0]}, {@code alerts[0].labels}), a parameter or a header name.
 */
public record FieldProblem(String field, String message) {

}
