package saddlesweep.error;

/**
 * Bad input from the user (a job file, an argument, a data file): reported as one line on stderr,
 * exit status 2, nothing written.
 */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
