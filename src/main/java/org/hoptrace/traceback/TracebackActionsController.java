package org.hoptrace.traceback;

import java.security.Principal;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons on a traceback's page: cancel, re-send a hop's request, reopen a hop, mark an answer
 * insufficient or clear that mark. Each goes back to
 * the page with a message saying what happened, or why it could not happen.
 */
@Controller
@RequestMapping("/tracebacks/{id}")
@PreAuthorize("hasAnyRole('ITG_STAFF', 'ADMIN', 'OPERATON_ADMIN')")
class TracebackActionsController {

    private final StaffActions actions;
    private final TracebackDetails details;

    TracebackActionsController(StaffActions actions, TracebackDetails details) {
        this.actions = actions;
        this.details = details;
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String id, @RequestParam(required = false) String reason, Principal user,
                  RedirectAttributes flash) {
        return act(id, flash, () -> actions.cancel(id, reason, user.getName()),
                tb -> "Traceback " + tb.reference() + " is cancelled.", "Could not cancel the traceback: ");
    }

    @PostMapping("/hops/{number}/resend")
    String resend(@PathVariable String id, @PathVariable int number, Principal user, RedirectAttributes flash) {
        return act(id, flash, () -> actions.resend(id, number, user.getName()),
                tb -> "The request of hop %d went to %s again.".formatted(number, tb.hops().get(number - 1).provider().name()),
                "Could not re-send the request: ");
    }

    @PostMapping("/hops/{number}/reopen")
    String reopen(@PathVariable String id, @PathVariable int number, Principal user, RedirectAttributes flash) {
        return act(id, flash, () -> actions.reopen(id, number, user.getName()),
                tb -> "Hop %d is reopened: %s is asked again, with a new deadline."
                        .formatted(number, tb.hops().get(number - 1).provider().name()),
                "Could not reopen the hop: ");
    }

    @PostMapping("/hops/{number}/insufficient")
    String markInsufficient(@PathVariable String id, @PathVariable int number,
                            @RequestParam(required = false) String reason, Principal user, RedirectAttributes flash) {
        return act(id, flash, () -> actions.markInsufficient(id, number, reason, user.getName()),
                tb -> "The answer of hop %d is marked insufficient.".formatted(number),
                "Could not mark the answer insufficient: ");
    }

    @PostMapping("/hops/{number}/insufficient/clear")
    String clearInsufficient(@PathVariable String id, @PathVariable int number, Principal user, RedirectAttributes flash) {
        return act(id, flash, () -> actions.clearInsufficient(id, number, user.getName()),
                tb -> "The answer of hop %d is no longer marked insufficient.".formatted(number),
                "Could not clear the mark: ");
    }

    private String act(String id, RedirectAttributes flash, Supplier<TracebackDetail> action,
                       Function<TracebackDetail, String> done, String failed) {
        try {
            TracebackDetail traceback = action.get();
            flash.addFlashAttribute("message", done.apply(traceback));
            return "redirect:/tracebacks/" + traceback.reference();
        } catch (TracebackStateException | UnknownHopException refused) {
            flash.addFlashAttribute("error", failed + refused.getMessage() + ".");
        } catch (InvalidTracebackRequestException invalid) {
            flash.addFlashAttribute("error", failed + String.join("; ", invalid.fieldProblems().values()) + ".");
        }
        return "redirect:/tracebacks/" + details.resolve(id).reference();
    }
}
