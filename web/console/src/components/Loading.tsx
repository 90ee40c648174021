import { Flex, Spin } from 'antd';

/** A centred spinner while a screen's code or data arrives. */
export function Loading({ padding = 120 }: { padding?: number }) {
  return (
    <Flex justify="center" style={{ padding }}>
      <Spin size="large" />
    </Flex>
  );
}
