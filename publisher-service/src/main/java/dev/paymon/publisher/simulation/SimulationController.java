package dev.paymon.publisher.simulation;

import dev.paymon.publisher.web.RequestJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The traffic simulator for demos and load: {@code POST /api/v1/simulations} starts generating realistic
 * payments with a share of fraud patterns, {@code DELETE /api/v1/simulations/{id}} stops it, {@code GET} shows
 * progress. Payments go through the same producer as the REST endpoints and are acknowledged by the broker
 * ({@code acks=all}); the work runs on the simulator's own threads, never on the request's.
 */
@RestController
@RequestMapping("/api/v1/simulations")
@Tag(name = "Simulations")
@ApiResponse(responseCode = "429", description = "Over the key's rate limit (rate-limited); see Retry-After",
        content = @Content(mediaType = "application/problem+json"))
class SimulationController {

    private final SimulationSettingsParser parser;
    private final RequestJson json;
    private final SimulationScheduler simulations;

    SimulationController(SimulationSettingsParser parser, RequestJson json, SimulationScheduler simulations) {
        this.parser = parser;
        this.json = json;
        this.simulations = simulations;
    }

    @Operation(summary = "Start a simulation",
            description = "Publishes the profiles of its accounts and the FX rates of its currencies, then payments "
                    + "at the given rate until stopped, durationSeconds or maxPayments. A body is optional.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = SimulationRequest.class))))
    @ApiResponse(responseCode = "201", description = "Started; Location names it")
    @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid settings (problem detail listing "
            + "every bad field)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "As many simulations as allowed are running",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "The publisher is shutting down and starts no simulation",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SimulationStatus> start(@RequestBody(required = false) byte[] body) {
        SimulationSettings settings = parser.parse(body == null || body.length == 0 ? null : json.read(body));
        SimulationStatus started = simulations.start(settings);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(started.id()).toUri()).body(started);
    }

    @Operation(summary = "Every simulation, newest first (running ones and the last finished ones)")
    @ApiResponse(responseCode = "200", description = "Their status")
    @GetMapping
    List<SimulationStatus> all() {
        return simulations.all();
    }

    @Operation(summary = "The status of a simulation")
    @ApiResponse(responseCode = "200", description = "Its status")
    @ApiResponse(responseCode = "404", description = "Unknown simulation",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{id}")
    SimulationStatus status(@PathVariable String id) {
        return simulations.status(id);
    }

    @Operation(summary = "Stop a simulation", description = "Idempotent: a finished simulation stays as it is. "
            + "Answers once a batch in flight is acknowledged, with the final counts.")
    @ApiResponse(responseCode = "200", description = "Its final status")
    @ApiResponse(responseCode = "404", description = "Unknown simulation",
            content = @Content(mediaType = "application/problem+json"))
    @DeleteMapping("/{id}")
    SimulationStatus stop(@PathVariable String id) {
        return simulations.stop(id);
    }
}
