# End-to-end tests: the CLI on every sample, scored against ../shared/gold, and its contract.
add_test(NAME e2e_samples_score
  COMMAND ${CMAKE_COMMAND} -E env FENGONG=$<TARGET_FILE:fengong>
          bash ${CMAKE_SOURCE_DIR}/tests/e2e_score.sh ${CMAKE_SOURCE_DIR} ${FENGONG_SHARED_DIR})
foreach(check deterministic schema_keys json_matches_yaml stdin bad_inputs text_without_tasks
              usage bad_grammar)
  add_test(NAME e2e_cli_${check}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/e2e_cli.py $<TARGET_FILE:fengong>
            ${CMAKE_SOURCE_DIR}/samples ${check})
endforeach()
# Any input an analyst has: encodings, Traditional script, and one test per bad-input row of the
# README's table.
foreach(check encodings_match_utf8 encoding_flag invalid_bytes traditional_scores empty
              whitespace_only binary pdf docx xlsx html missing_path directory unreadable
              long_line huge_file unwritable_output no_tasks)
  add_test(NAME e2e_input_${check}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/e2e_input.py $<TARGET_FILE:fengong>
            ${CMAKE_SOURCE_DIR}/samples ${FENGONG_SHARED_DIR} ${check})
endforeach()
# fengong diff and the unit/theme normalisation behind it.
foreach(check unit_roles themes volunteer_row versions_three_changes saved_outputs cli_contract
              expected_outputs)
  add_test(NAME e2e_diff_${check}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/e2e_diff.py $<TARGET_FILE:fengong>
            ${CMAKE_SOURCE_DIR}/samples ${CMAKE_SOURCE_DIR}/tests/expected ${check})
endforeach()
