package dev.paymon.subscriber.accounts;

import dev.paymon.subscriber.web.NotFoundProblem;
import dev.paymon.subscriber.web.QueryParameters;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's summary, now or with {@code asOf} (an ISO-8601 instant) as it stood then, computed from the
 * stored event history. A bad {@code asOf} answers a 400 problem, an account never seen 404.
 */
@RestController
class AccountSummaryController {

    private final AccountSummaryRepository summaries;

    AccountSummaryController(AccountSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/v1/accounts/{accountId}/summary")
    AccountSummary summary(@PathVariable String accountId, @RequestParam(required = false) String asOf) {
        QueryParameters parameters = new QueryParameters();
        Instant instant = parameters.instant("asOf", asOf);
        parameters.validate();
        return (instant == null ? summaries.current(accountId) : summaries.asOf(accountId, instant))
                .orElseThrow(() -> NotFoundProblem.problem("Account not found",
                        "No payment or alert of account '" + accountId + "' was seen."));
    }
}
